"""XGBoost on the machine-learning benchmark's table (called by bench/ml-bench.ts).

    /usr/bin/python3 bench/ml-xgboost.py DIR

DIR holds header.json and little-endian Float64 files written by ml-bench.ts: train-x.f64 and
test-x.f64 (column-major, feature after feature; NaN = missing), train-y.f64 and test-y.f64.
Trains with tree_method='hist' on one thread, times xgb.train alone (time.perf_counter), writes
the holdout margins to DIR/xgb-margins.f64 and prints one JSON line of figures on stdout.
"""

import json
import os
import sys
import time

import numpy as np
import xgboost as xgb


def read_matrix(path, n_rows, n_features):
    values = np.fromfile(path, dtype="<f8")
    # Column-major on disk: one feature after another.
    return np.ascontiguousarray(values.reshape(n_features, n_rows).T)


def rank_auc(scores, y):
    """ROC AUC from mid-ranks (ties count half), as src/core/ml/classifier-metrics.ts."""
    order = np.argsort(scores, kind="mergesort")
    s = scores[order]
    ranks = np.empty(len(s), dtype=np.float64)
    start = 0
    while start < len(s):
        end = start + 1
        while end < len(s) and s[end] == s[start]:
            end += 1
        ranks[start:end] = (start + 1 + end) / 2
        start = end
    pos = y[order] > 0.5
    n_pos = int(pos.sum())
    n_neg = len(s) - n_pos
    return float((ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def holdout_auc(scores, y):
    try:
        from sklearn.metrics import roc_auc_score  # noqa: PLC0415

        return float(roc_auc_score(y, scores)), "sklearn"
    except ImportError:
        return rank_auc(scores, y), "numpy rank AUC"


def main():
    folder = sys.argv[1]
    with open(os.path.join(folder, "header.json"), encoding="utf-8") as f:
        header = json.load(f)
    n_features = header["nFeatures"]
    n_train, n_test = header["trainRows"], header["testRows"]
    x_train = read_matrix(os.path.join(folder, "train-x.f64"), n_train, n_features)
    x_test = read_matrix(os.path.join(folder, "test-x.f64"), n_test, n_features)
    y_train = np.fromfile(os.path.join(folder, "train-y.f64"), dtype="<f8")
    y_test = np.fromfile(os.path.join(folder, "test-y.f64"), dtype="<f8")

    t0 = time.perf_counter()
    d_train = xgb.DMatrix(x_train, label=y_train, missing=np.nan, nthread=1)
    d_test = xgb.DMatrix(x_test, label=y_test, missing=np.nan, nthread=1)
    dmatrix_s = time.perf_counter() - t0

    params = {
        "tree_method": "hist",
        "nthread": 1,
        "max_depth": header["maxDepth"],
        "eta": header["learningRate"],
        "objective": "binary:logistic",
        "max_bin": header["maxBins"],
        "seed": header["seed"],
        "verbosity": 0,
    }
    # A warm-up on a few rows, as the Node side does: loads and initialises the library.
    warm = xgb.DMatrix(x_train[:2000], label=y_train[:2000], missing=np.nan, nthread=1)
    xgb.train(params, warm, num_boost_round=5)

    t0 = time.perf_counter()
    booster = xgb.train(params, d_train, num_boost_round=header["trees"])
    train_s = time.perf_counter() - t0

    booster.set_param({"nthread": 1})
    margins = booster.predict(d_test, output_margin=True)
    auc, auc_method = holdout_auc(margins, y_test)
    np.asarray(margins, dtype="<f8").tofile(os.path.join(folder, "xgb-margins.f64"))

    n_shap = min(header["shapRows"], n_test)
    d_shap = xgb.DMatrix(x_test[:n_shap], missing=np.nan, nthread=1)
    t0 = time.perf_counter()
    contribs = booster.predict(d_shap, pred_contribs=True)
    shap_s = time.perf_counter() - t0
    additivity = float(np.max(np.abs(contribs.sum(axis=1) - margins[:n_shap])))

    dump = booster.get_dump()
    leaves = sum(tree.count("leaf=") for tree in dump)

    print(
        json.dumps(
            {
                "version": xgb.__version__,
                "trainS": train_s,
                "dmatrixS": dmatrix_s,
                "auc": auc,
                "aucMethod": auc_method,
                "trees": len(dump),
                "leaves": leaves,
                "shapS": shap_s,
                "shapRows": n_shap,
                "additivityError": additivity,
            }
        )
    )


if __name__ == "__main__":
    main()
