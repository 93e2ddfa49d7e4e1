import { describe, expect, it } from 'vitest';
import {
  NO_EDITS,
  readableTerms,
  mergeClusters,
  pinCluster,
  renameCluster,
  shownClusters,
  unmergeCluster,
  type ComputedCluster,
} from '../../src/core/text/cluster-edits.ts';
import { clientGroups } from '../../src/core/text/client-profiles.ts';

const cluster = (
  id: number,
  words: string[],
  size: number,
  nps: number,
  npsN: number,
): ComputedCluster => ({
  id,
  signature: words.slice(0, 3).join(' | '),
  size,
  terms: words.map((w, k) => ({ term: w, name: w.toUpperCase(), weight: 1 - k / 10 })),
  examples: [`${words[0]} 1`, `${words[0]} 2`],
  nps,
  npsN,
  segments: [
    { key: 'retail', share: 0.5 },
    { key: `s${id}`, share: 0.5 },
  ],
});

const clusters = [
  cluster(0, ['late', 'delivery', 'truck'], 50, -40, 40),
  cluster(1, ['price', 'expensive', 'cost'], 30, -10, 20),
  cluster(2, ['delay', 'wait', 'late'], 20, -60, 10),
];

describe('cluster edits', () => {
  it('names a cluster without saying a word twice', () => {
    const t = (name: string) => ({ name });
    expect(
      readableTerms([
        t('устраивает'),
        t('целом'),
        t('целом устраивает'),
        t('цены'),
        t('устраивает'),
      ]).map((x) => x.name),
    ).toEqual(['целом устраивает', 'цены']);
  });

  it('names clusters by their terms, biggest first, until the analyst names them', () => {
    const shown = shownClusters(clusters);
    expect(shown.map((c) => [c.name, c.size])).toEqual([
      ['LATE · DELIVERY · TRUCK', 50],
      ['PRICE · EXPENSIVE · COST', 30],
      ['DELAY · WAIT · LATE', 20],
    ]);
    const edits = renameCluster(NO_EDITS, clusters[1]!.signature, ' Price ');
    expect(shownClusters(clusters, edits)[1]).toMatchObject({ name: 'Price', named: true });
    expect(
      shownClusters(clusters, renameCluster(edits, clusters[1]!.signature, ''))[1]!.named,
    ).toBe(false);
  });

  it('merges clusters: sizes and NPS answers add up, terms once each, and it can be undone', () => {
    const edits = mergeClusters(NO_EDITS, [clusters[0]!.signature], [clusters[2]!.signature]);
    const shown = shownClusters(clusters, edits);
    expect(shown).toHaveLength(2);
    const merged = shown[0]!;
    expect(merged.ids).toEqual([0, 2]);
    expect(merged.size).toBe(70);
    expect(merged.nps).toBeCloseTo((-40 * 40 + -60 * 10) / 50, 12);
    expect(merged.terms.map((t) => t.term)).toEqual(['late', 'delay', 'delivery', 'wait', 'truck']);
    expect(merged.segments[0]).toEqual({ key: 'retail', share: 0.5 });
    expect(shownClusters(clusters, unmergeCluster(edits, merged.members))).toHaveLength(3);
  });

  it('tells apart two clusters with the same words by a number', () => {
    const twins = [
      cluster(0, ['late', 'delivery', 'truck'], 5, 0, 0),
      {
        ...cluster(1, ['late', 'delivery', 'truck'], 4, 0, 0),
        signature: 'late | delivery | truck #2',
      },
    ];
    expect(shownClusters(twins).map((c) => c.name)).toEqual([
      'LATE · DELIVERY · TRUCK',
      'LATE · DELIVERY · TRUCK (2)',
    ]);
  });

  it('keeps pinned clusters first; edits of clusters that are gone are ignored', () => {
    const edits = pinCluster(
      renameCluster(NO_EDITS, 'gone | gone | gone', 'Old'),
      clusters[2]!.signature,
      true,
    );
    const shown = shownClusters(clusters, edits);
    expect(shown[0]).toMatchObject({ ids: [2], pinned: true });
    expect(shown.some((c) => c.name === 'Old')).toBe(false);
    expect(
      shownClusters(clusters, pinCluster(edits, clusters[2]!.signature, false))[0]!.ids,
    ).toEqual([0]);
  });
});

describe('kinds of clients by their complaints', () => {
  it('groups clients whose comments fall in the same themes, with their NPS and segments', () => {
    // 30 clients: 10 complain of theme 0 (detractors, retail), 10 of theme 1 (promoters,
    // wholesale), 10 split between themes 1 and 2.
    const ids: string[] = [];
    const assignments: number[] = [];
    const scores: number[] = [];
    const segments: string[] = [];
    const add = (client: string, theme: number, score: number, segment: string) => {
      ids.push(client);
      assignments.push(theme);
      scores.push(score);
      segments.push(segment);
    };
    for (let c = 0; c < 10; c++) {
      add(`A${c}`, 0, 2, 'retail');
      add(`A${c}`, 0, 3, 'retail');
      add(`B${c}`, 1, 10, 'wholesale');
      add(`C${c}`, 1, 7, 'retail');
      add(`C${c}`, 2, 8, 'retail');
    }
    add('X', -1, 5, 'retail'); // a comment with no theme: not a client with a profile
    const r = clientGroups(ids, assignments, 3, { k: 3, seed: 2, scores, segments })!;
    expect(r.clients).toBe(30);
    expect(r.groups.map((g) => g.clients)).toEqual([10, 10, 10]);
    const a = r.groups.find((g) => g.themes[0]!.theme === 0)!;
    expect(a).toMatchObject({ nps: -100, npsN: 20, segments: [{ key: 'retail', share: 1 }] });
    const c = r.groups.find((g) => g.themes.length === 2)!;
    expect(c.themes.map((t) => t.share)).toEqual([0.5, 0.5]);
    expect(clientGroups(['a', 'b'], [0, 1], 2)).toBeNull();
    // With k chosen by silhouette, the three kinds are found.
    expect(clientGroups(ids, assignments, 3, { seed: 2 })!.k).toBe(3);
  });
});
