// Node has no IndexedDB: unit tests of the storage code use fake-indexeddb (browser tests use the real one).
import 'fake-indexeddb/auto';
