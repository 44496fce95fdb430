"""Tests for polnear_independent.py.  Run: cd /work/indep && python -m unittest -v

Hand computation for fixtures/{flat,split} + fixtures/pred.jsonl
(offsets: see fixtures/make_fixtures.py; docA.txt has CRLF line endings).

Gold (first annotator file in sorted order: docA_b7c1.ann; docA_f00d.ann ignored)
  docA  A1 src 0-5   cue 6-10   content 16-32
        A2 src 35-38 cue 39-46  content 47-57
        A3 (no source) cue 66-70 content 76-86
  docB  G1 src 0-9   cue 10-19  content 42-73 + 83-101 (discontinuous)
        G2 src 103-107 cue 108-113 content 119-130 + Content2 151-161
        G3 src 163-170 cue 171-177 content 183-211
        (Discuss event and the content-less Attribution-no-source are ignored)
  gold = 6

Predictions kept (author mode P3, Q6 dropped; docZ is not in the gold)
  docA  P1 c16-32 s0-5 q6-10 | P2 c40-52 s- q39-46 | P4 c0-3 s0-5 q6-10
        P5 c55-60 s35-38 q- | P6 c76-86 s- q-
  docB  Q1 c83-101+151-156 s103-107 q- | Q2 c42-52 s- q10-19 | Q3 c178-186 s- q-
        Q4 c195-211 s163-170 q171-177 | Q5 c74-82 (inside G1's gap) s- q-
  predicted = 10

Content overlaps: P1-A1 16, P2-A2 5, P5-A2 2, P6-A3 10,
                  Q1-G1 18, Q1-G2 5 (only through Content2), Q2-G1 10, Q3-G3 3, Q4-G3 16
Content matching (max count, then max overlap):
  docA P1-A1, P2-A2 (5 > 2 beats P5), P6-A3 ; docB Q1-G2, Q2-G1, Q4-G3 (16 > 3 beats Q3)
  (greedy by overlap would take Q1-G1 first and lose a pair)
  pairs 6 -> P 6/10 = 0.6, R 6/6 = 1.0, F1 0.75
Whole-attribution edges (source agree): P1-A1, P5-A2, P6-A3 (both empty), Q1-G2, Q4-G3
  (P2-A2, Q2-G1, Q3-G3 fail: empty vs non-empty source; Q1-G1: Mary vs Officials)
  pairs 5 -> P 0.5, R 5/6, F1 10/16 = 0.625
Source agreement on content pairs: P1-A1 y, P2-A2 n, P6-A3 y, Q1-G2 y, Q2-G1 n, Q4-G3 y = 4/6
Cue agreement on content pairs:    P1-A1 y, P2-A2 y, P6-A3 n, Q1-G2 n, Q2-G1 y, Q4-G3 y = 4/6
"""

import io
import itertools
import json
import os
import random
import shutil
import tempfile
import unittest
from contextlib import redirect_stdout

import polnear_independent as pi

HERE = os.path.dirname(os.path.abspath(__file__))
FIX = os.path.join(HERE, "fixtures")
PRED = os.path.join(FIX, "pred.jsonl")
DEV = os.environ.get("POLNEAR_DEV", "/work/polnear/data/dev")


def rng(a, b):
    return frozenset(range(a, b))


class FixtureTotals(unittest.TestCase):
    def check(self, folder):
        res = pi.score(os.path.join(FIX, folder), PRED)
        c = res["content_overlap"]
        self.assertEqual((c["pairs"], c["predicted"], c["gold"]), (6, 10, 6))
        self.assertAlmostEqual(c["precision"], 0.6)
        self.assertAlmostEqual(c["recall"], 1.0)
        self.assertAlmostEqual(c["f1"], 0.75)
        w = res["attribution_overlap"]
        self.assertEqual((w["pairs"], w["predicted"], w["gold"]), (5, 10, 6))
        self.assertAlmostEqual(w["precision"], 0.5)
        self.assertAlmostEqual(w["recall"], 5 / 6)
        self.assertAlmostEqual(w["f1"], 0.625)
        s = res["source_accuracy_on_matched"]
        self.assertEqual((s["agree"], s["pairs"]), (4, 6))
        self.assertAlmostEqual(s["accuracy"], 4 / 6)
        q = res["cue_accuracy_on_matched"]
        self.assertEqual((q["agree"], q["pairs"]), (4, 6))
        self.assertAlmostEqual(q["accuracy"], 4 / 6)
        n = res["counts"]
        self.assertEqual(n["documents"], 2)
        self.assertEqual(n["pred_records_kept"], 11)          # 13 records - 2 author
        self.assertEqual(n["pred_records_unknown_doc"], 1)    # docZ
        self.assertEqual(n["pred_unknown_docs"], ["docZ"])
        self.assertEqual(n["gold_span_text_mismatches"], 0)   # CRLF offsets line up
        pd = res["per_document"]
        self.assertEqual(pd["docA"], {"predicted": 5, "gold": 3, "content_pairs": 3,
                                      "whole_pairs": 3, "source_agree": 2, "cue_agree": 2})
        self.assertEqual(pd["docB"], {"predicted": 5, "gold": 3, "content_pairs": 3,
                                      "whole_pairs": 2, "source_agree": 2, "cue_agree": 2})

    def test_flat_folder(self):
        self.check("flat")

    def test_split_folder(self):
        self.check("split")

    def test_text_output(self):
        buf = io.StringIO()
        with redirect_stdout(buf):
            pi.main(["--gold", os.path.join(FIX, "flat"), "--pred", PRED])
        out = buf.getvalue()
        self.assertIn("P 0.6000  R 1.0000  F1 0.7500", out)
        self.assertIn("P 0.5000  R 0.8333  F1 0.6250", out)
        self.assertIn("0.6667  (4 / 6)", out)

    def test_json_output(self):
        buf = io.StringIO()
        with redirect_stdout(buf):
            pi.main(["--gold", os.path.join(FIX, "split"), "--pred", PRED, "--json"])
        res = json.loads(buf.getvalue())
        self.assertAlmostEqual(res["content_overlap"]["f1"], 0.75)
        self.assertAlmostEqual(res["attribution_overlap"]["recall"], 5 / 6)
        self.assertNotIn("per_document", res)

    def test_gold_against_itself(self):
        for folder in ("flat", "split"):
            with tempfile.TemporaryDirectory() as tmp:
                path = os.path.join(tmp, "self.jsonl")
                with open(path, "w", encoding="utf-8") as fh:
                    for r in pi.gold_as_records(os.path.join(FIX, folder)):
                        fh.write(json.dumps(r) + "\n")
                res = pi.score(os.path.join(FIX, folder), path)
            for key in ("content_overlap", "attribution_overlap"):
                for m in ("precision", "recall", "f1"):
                    self.assertEqual(res[key][m], 1.0, (folder, key, m))
            self.assertEqual(res["source_accuracy_on_matched"]["accuracy"], 1.0)
            self.assertEqual(res["cue_accuracy_on_matched"]["accuracy"], 1.0)
            self.assertEqual(res["content_overlap"]["gold"], 6)


class GoldParsing(unittest.TestCase):
    def setUp(self):
        self.gold = pi.load_gold(os.path.join(FIX, "flat"))

    def test_first_annotator_file_used(self):
        self.assertTrue(self.gold["docA"]["ann"].endswith("docA_b7c1.ann"))
        self.assertEqual(len(self.gold["docA"]["attributions"]), 3)

    def test_attribution_without_source(self):
        a3 = self.gold["docA"]["attributions"][2]
        self.assertEqual(a3["source"], frozenset())
        self.assertEqual(a3["cue"], rng(66, 70))
        self.assertEqual(a3["content"], rng(76, 86))

    def test_discontinuous_content_excludes_gap(self):
        g1 = self.gold["docB"]["attributions"][0]
        self.assertEqual(g1["content"], rng(42, 73) | rng(83, 101))
        self.assertNotIn(75, g1["content"])

    def test_content2_merged(self):
        g2 = self.gold["docB"]["attributions"][1]
        self.assertEqual(g2["content"], rng(119, 130) | rng(151, 161))

    def test_other_events_and_empty_content_ignored(self):
        self.assertEqual(len(self.gold["docB"]["attributions"]), 3)

    def test_crlf_text_offsets(self):
        text = pi._read_text(os.path.join(FIX, "flat", "docA.txt"))
        self.assertEqual(len(text), 89)
        self.assertEqual(text[35:38], "Bob")
        self.assertEqual(text[76:86], "taxes rise")

    def test_mismatch_check_is_live(self):
        # shifting docA's text by one character must be noticed by the diagnostic
        with tempfile.TemporaryDirectory() as tmp:
            for f in os.listdir(os.path.join(FIX, "flat")):
                shutil.copy(os.path.join(FIX, "flat", f), tmp)
            with open(os.path.join(FIX, "flat", "docA.txt"), encoding="utf-8", newline="") as fh:
                text = fh.read()
            with open(os.path.join(tmp, "docA.txt"), "w", encoding="utf-8", newline="") as fh:
                fh.write(text.replace("\r\n", "\n"))
            gold = pi.load_gold(tmp)
        self.assertGreater(gold["docA"]["mismatches"], 0)

    def test_ann_assignment_longest_name(self):
        with tempfile.TemporaryDirectory() as tmp:
            for n in ("x.txt", "x_y.txt"):
                open(os.path.join(tmp, n), "w").close()
            with open(os.path.join(tmp, "x_y_ann1.ann"), "w") as fh:
                fh.write("T1\tContent 0 0\t\n")
            with open(os.path.join(tmp, "x_ann1.ann"), "w") as fh:
                fh.write("")
            gold = pi.load_gold(tmp)
        self.assertTrue(gold["x_y"]["ann"].endswith("x_y_ann1.ann"))
        self.assertTrue(gold["x"]["ann"].endswith("x_ann1.ann"))


class PredictionParsing(unittest.TestCase):
    def test_parts_used(self):
        a = pi.record_to_attribution({"content": {"start": 83, "end": 156,
                                                  "parts": [{"start": 83, "end": 101},
                                                            {"start": 151, "end": 156}]},
                                      "source": None, "cue": None})
        self.assertEqual(a["content"], rng(83, 101) | rng(151, 156))
        self.assertEqual(a["source"], frozenset())

    def test_plain_span(self):
        a = pi.record_to_attribution({"content": {"start": 3, "end": 5},
                                      "source": {"start": 0, "end": 2}, "cue": {"start": 2, "end": 3}})
        self.assertEqual((a["content"], a["source"], a["cue"]), (rng(3, 5), rng(0, 2), rng(2, 3)))

    def test_doc_names(self):
        self.assertEqual(pi.doc_name("a/b/docA.txt"), "docA")
        self.assertEqual(pi.doc_name("C:\\x\\docB.txt"), "docB")
        self.assertEqual(pi.doc_name("docC.txt"), "docC")


def brute_force(weights, n_left, n_right):
    """Best (count, total overlap) over all matchings, by enumeration."""
    best = (0, 0)
    edges = list(weights)
    for k in range(1, min(n_left, n_right) + 1):
        for combo in itertools.combinations(edges, k):
            ls = {i for i, _ in combo}
            rs = {j for _, j in combo}
            if len(ls) == k and len(rs) == k:
                best = max(best, (k, sum(weights[e] for e in combo)))
    return best


class Matching(unittest.TestCase):
    def test_greedy_trap(self):
        # docB: Q1 (0) overlaps G1 (0) by 18 and G2 (1) by 5; Q2 (1) overlaps G1 by 10
        pairs = pi.best_matching({(0, 0): 18, (0, 1): 5, (1, 0): 10})
        self.assertEqual(pairs, [(0, 1), (1, 0)])

    def test_tie_break_by_overlap(self):
        # two predictions for one gold: the larger overlap wins
        self.assertEqual(pi.best_matching({(0, 0): 2, (1, 0): 5}), [(1, 0)])
        self.assertEqual(pi.best_matching({(0, 0): 5, (1, 0): 2}), [(0, 0)])

    def test_against_brute_force(self):
        r = random.Random(7)
        for _ in range(300):
            nl, nr = r.randint(1, 5), r.randint(1, 5)
            w = {(i, j): r.randint(1, 9) for i in range(nl) for j in range(nr)
                 if r.random() < 0.45}
            pairs = pi.best_matching(w)
            self.assertEqual(len({i for i, _ in pairs}), len(pairs))
            self.assertEqual(len({j for _, j in pairs}), len(pairs))
            self.assertTrue(all(p in w for p in pairs))
            got = (len(pairs), sum(w[p] for p in pairs))
            self.assertEqual(got, brute_force(w, nl, nr))

    def test_hopcroft_karp(self):
        self.assertEqual(pi.hopcroft_karp(3, 3, [[0, 1], [0], [1, 2]]), 3)
        self.assertEqual(pi.hopcroft_karp(3, 2, [[0], [0], [0, 1]]), 2)
        self.assertEqual(pi.hopcroft_karp(2, 2, [[], []]), 0)

    def test_agree(self):
        self.assertTrue(pi.agree(frozenset(), frozenset()))
        self.assertFalse(pi.agree(frozenset(), rng(1, 2)))
        self.assertTrue(pi.agree(rng(0, 3), rng(2, 5)))
        self.assertFalse(pi.agree(rng(0, 2), rng(2, 5)))   # end is exclusive

    def test_empty_denominators(self):
        d = pi.score_document([], [])
        self.assertEqual(d["content_pairs"], 0)
        self.assertEqual(pi._prf(0, 0, 0)["f1"], 0.0)


@unittest.skipUnless(os.path.isdir(DEV), "PolNeAR dev split not present")
class DevSelfScore(unittest.TestCase):
    def test_dev_gold_against_itself(self):
        with tempfile.TemporaryDirectory() as tmp:
            path = os.path.join(tmp, "dev.jsonl")
            with open(path, "w", encoding="utf-8") as fh:
                for r in pi.gold_as_records(DEV):
                    fh.write(json.dumps(r) + "\n")
            res = pi.score(DEV, path)
        for key in ("content_overlap", "attribution_overlap"):
            for m in ("precision", "recall", "f1"):
                self.assertEqual(res[key][m], 1.0)
        self.assertEqual(res["source_accuracy_on_matched"]["accuracy"], 1.0)
        self.assertEqual(res["cue_accuracy_on_matched"]["accuracy"], 1.0)
        self.assertGreater(res["content_overlap"]["gold"], 0)
        self.assertEqual(res["counts"]["gold_span_text_mismatches"], 0)


if __name__ == "__main__":
    unittest.main()
