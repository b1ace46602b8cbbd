import math
import unittest

from tests import support  # noqa: F401
import agent_protocol as ap
import reference_agent as ref


def table(timestamp, rows, generation=1):
    return ref.RegionTable(generation, timestamp, rows)


class RoundingTest(unittest.TestCase):
    def test_halves_round_up_like_java(self):
        self.assertEqual(ref.java_round(0.5), 1)
        self.assertEqual(ref.java_round(2.5), 3)  # round() would give 2
        self.assertEqual(ref.java_round(599.5), 600)
        self.assertEqual(ref.java_round(599.4999999999999), 599)
        self.assertEqual(ref.java_round(0.49999999999999994), 0)
        self.assertEqual(ref.java_round(1000.0), 1000)


class FeaturesTest(unittest.TestCase):
    def test_the_eight_features_of_a_row(self):
        x = ref.Features(20).extract((100, 164, 10, 30, 9, 250, 3))
        self.assertEqual(x[:3], [1.0, 0.5, 1.0])
        self.assertAlmostEqual(x[3], math.log1p(9) / 10.0)
        self.assertAlmostEqual(x[4], math.log1p(64) / 20.0)
        self.assertEqual(x[5], 0.25)
        self.assertAlmostEqual(x[6], math.log1p(3) / 5.0)
        self.assertEqual(x[7], 0.0)
        self.assertEqual(ref.Features(20).extract((0, 1, 0, 0, 0, 0, 0))[7], 1.0)


class LogisticModelTest(unittest.TestCase):
    def test_learning_moves_the_prediction_towards_the_label(self):
        m = ref.LogisticModel(0.5, 0.0)
        x = [1.0, 0.0, 0.0, 0.3, 0.2, 1.0, 0.0, 1.0]
        self.assertEqual(m.predict(x), 0.5)
        for _ in range(50):
            m.learn(x, False)
        self.assertLess(m.predict(x), 0.1)
        self.assertEqual(m.samples, 50)

    def test_one_step_is_the_documented_update(self):
        m = ref.LogisticModel(0.1, 0.01)
        m.w = [0.5] * 8
        x = [1.0] * 8
        error = ref.sigmoid(4.0) - 1.0
        m.learn(x, True)
        self.assertAlmostEqual(m.w[0], 0.5 * (1 - 0.1 * 0.01) - 0.1 * error)

    def test_sigmoid_is_stable_for_large_magnitudes(self):
        self.assertEqual(ref.sigmoid(-1000), 0.0)
        self.assertEqual(ref.sigmoid(1000), 1.0)


class LabelTrackerTest(unittest.TestCase):
    def test_touched_samples_resolve_at_once_idle_ones_after_the_horizon(self):
        t = ref.LabelTracker(horizon_ms=5000)
        t.add(0, 10, 1000, "a")
        t.add(10, 20, 1000, "b")
        got = []
        t.observe(table(2000, [(0, 10, 0, 0, 1, 0, 0), (10, 20, 4, 0, 0, 0, 0)]), lambda x, y: got.append((x, y)))
        self.assertEqual(got, [])  # "a" is older and still open: resolution keeps arrival order
        t.observe(table(6500, [(0, 20, 0, 0, 1, 0, 0)]), lambda x, y: got.append((x, y)))
        self.assertEqual(got, [("a", False), ("b", True)])
        self.assertEqual(len(t.pending), 0)

    def test_refaults_count_as_activity_and_a_full_ring_drops_the_oldest(self):
        t = ref.LabelTracker(horizon_ms=5000, capacity=2)
        for i in range(3):
            t.add(i * 10, i * 10 + 10, 0, i)
        self.assertEqual(t.dropped, 1)
        got = []
        t.observe(table(100, [(0, 30, 0, 0, 0, 0, 1)]), lambda x, y: got.append((x, y)))
        self.assertEqual(got, [(1, True), (2, True)])

    def test_a_sample_no_dataset_looked_at_within_its_horizon_gets_no_label(self):
        t = ref.LabelTracker(horizon_ms=1000)
        t.add(0, 10, 0, "a")
        got = []
        t.observe(table(50_000, [(0, 10, 0, 0, 1, 0, 0)]), lambda x, y: got.append((x, y)))
        self.assertEqual(got, [])
        self.assertEqual(t.unobserved, 1)
        self.assertEqual(len(t.pending), 0)


class CoalescerTest(unittest.TestCase):
    def test_neighbours_with_one_action_merge_with_the_lowest_confidence(self):
        c = ref.HintCoalescer()
        c.add(0, 10, ap.PAGEOUT, 900)
        c.add(10, 20, ap.PAGEOUT, 700)
        c.add(20, 30, -1, 0)
        c.add(30, 40, ap.PAGEOUT, 800)
        c.add(40, 50, ap.KEEP, 650)
        c.add(60, 70, ap.KEEP, 990)
        self.assertEqual(c.finish(), [(0, 20, ap.PAGEOUT, 700), (30, 40, ap.PAGEOUT, 800),
                                      (40, 50, ap.KEEP, 650), (60, 70, ap.KEEP, 990)])


class AgentModelTest(unittest.TestCase):
    def test_an_idle_region_is_learned_as_idle_and_recommended_for_pageout(self):
        m = ref.LogisticAgentModel(20, 5000, 0.5, 0.0, 600)
        busy, idle = (0, 100, 20, 20, 0, 1000, 0), (100, 1000, 0, 0, 500, 1000, 0)
        samples = 0
        for k in range(30):
            samples += m.observe(table(1000 * (k + 1), [busy, idle], generation=k + 1))
        self.assertGreater(samples, 60)
        hints = m.recommend(table(31000, [busy, idle]))
        self.assertEqual([(h[0], h[1], h[2]) for h in hints], [(0, 100, ap.KEEP), (100, 1000, ap.PAGEOUT)])

    def test_feedback_on_a_pageout_that_refaulted_teaches_touched(self):
        m = ref.LogisticAgentModel(20, 5000, 0.5, 0.0, 600)
        m.observe(table(1000, [(0, 100, 0, 0, 5, 1000, 0)]))
        before = m.model.predict(m.features.extract((0, 100, 0, 0, 5, 1000, 0)))
        m.feedback((1, 0, 100, -900, 3, 1, ap.PAGEOUT))
        m.feedback((1, 0, 100, 0, 0, 1, ap.KEEP))  # ignored: not a pageout
        self.assertGreater(m.model.predict(m.features.extract((0, 100, 0, 0, 5, 1000, 0))), before)
        self.assertEqual(m.model.samples, 1)


if __name__ == "__main__":
    unittest.main()
