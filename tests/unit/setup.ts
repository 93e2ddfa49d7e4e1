// Node has no IndexedDB: unit tests of the storage code use fake-indexeddb (browser tests use the real one).
import 'fake-indexeddb/auto';
// Both languages' messages for `translate`, as the workers and the command line have them.
import '../../src/core/i18n/messages.ts';
