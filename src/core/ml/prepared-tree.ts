import type { Tree } from './tree-model.ts';

/** A tree with what the recursion needs precomputed once per call. */
export interface PreparedTree extends Pick<
  Tree,
  'feature' | 'threshold' | 'left' | 'right' | 'missingLeft' | 'value'
> {
  /** The share of a node's cover that goes left / right. */
  fracLeft: Float64Array;
  fracRight: Float64Array;
  /** The cover-weighted mean leaf value (the tree's expected output). */
  expected: number;
  /** The deepest leaf's depth (edges from the root). */
  maxDepth: number;
  /** The inner nodes in pre-order; a row's pattern has bit k set when it goes left at `splits[k]`. */
  splits: Int32Array;
}

/** A tree made ready for TreeSHAP: its nodes in pre-order, each split's shares of cover. */
export function prepareTree(tree: Tree, nFeatures: number): PreparedTree {
  const n = tree.feature.length;
  const fracLeft = new Float64Array(n);
  const fracRight = new Float64Array(n);
  const expected = new Float64Array(n);
  const depth = new Int32Array(n);
  const order = new Int32Array(n);
  const splits: number[] = [];
  let size = 0;
  let maxDepth = 0;
  // Pre-order by an explicit stack: node numbering carries no ordering guarantee.
  const stack: number[] = [0];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (size >= n) throw new Error('tree-shap: the tree is not a tree (a node is reached twice)');
    order[size++] = node;
    const f = tree.feature[node]!;
    if (f < 0) {
      if (depth[node]! > maxDepth) maxDepth = depth[node]!;
      continue;
    }
    if (f >= nFeatures) throw new RangeError(`tree-shap: split on feature ${f} of ${nFeatures}`);
    splits.push(node);
    const l = tree.left[node]!;
    const r = tree.right[node]!;
    if (!(l > 0 && l < n && r > 0 && r < n)) {
      throw new RangeError(`tree-shap: node ${node} has a child outside the tree`);
    }
    depth[l] = depth[node]! + 1;
    depth[r] = depth[node]! + 1;
    const cl = tree.cover[l]!;
    const cr = tree.cover[r]!;
    const total = cl + cr;
    // The children's sum rather than the node's own cover: the two shares then add to 1 even
    // when stored covers are rounded, which keeps the attributions exactly additive.
    if (total > 0) {
      fracLeft[node] = cl / total;
      fracRight[node] = cr / total;
    } else {
      // No training weight reached this node; an even split keeps the expectation finite.
      fracLeft[node] = 0.5;
      fracRight[node] = 0.5;
    }
    stack.push(r, l);
  }
  for (let k = size - 1; k >= 0; k--) {
    const node = order[k]!;
    expected[node] =
      tree.feature[node]! < 0
        ? tree.value[node]!
        : fracLeft[node]! * expected[tree.left[node]!]! +
          fracRight[node]! * expected[tree.right[node]!]!;
  }
  return {
    feature: tree.feature,
    threshold: tree.threshold,
    left: tree.left,
    right: tree.right,
    missingLeft: tree.missingLeft,
    value: tree.value,
    fracLeft,
    fracRight,
    expected: expected[0]!,
    maxDepth,
    splits: Int32Array.from(splits),
  };
}
