import struct
import unittest
import zlib

from tests import support  # noqa: F401  (puts agents/python on the path)
import agent_protocol as ap


def dataset(generation, timestamp, pages, rows, rsize=40):
    body = bytearray()
    for r in rows:
        rec = struct.pack("<qqiiiii", *r)
        body += rec + b"\0" * (rsize - len(rec))
    crc = zlib.crc32(body)
    header = ap.WIRE_HEADER.pack(b"MLDS", 1, 48, generation, len(rows), rsize, timestamp,
                                 struct.unpack("<i", struct.pack("<I", crc))[0], 0, pages)
    return header + bytes(body)


def feedback(records, generation=3):
    body = b"".join(ap.FEEDBACK_RECORD.pack(*r) + b"\0\0" for r in records)
    crc = struct.unpack("<i", struct.pack("<I", zlib.crc32(body)))[0]
    return ap.WIRE_HEADER.pack(b"MLFB", 1, 48, generation, len(records), 40, 1234, crc, 0, 0) + body


class DatasetTest(unittest.TestCase):
    ROWS = [(0, 10, 3, 2, 7, 1000, 0), (10, 100, 0, 0, 500, 250, 4)]

    def test_decodes_header_and_rows(self):
        gen, ts, pages, rows = ap.decode_dataset(dataset(5, 9000, 4096, self.ROWS))
        self.assertEqual((gen, ts, pages), (5, 9000, 4096))
        self.assertEqual(rows, self.ROWS)

    def test_accepts_a_larger_record_size(self):
        self.assertEqual(ap.decode_dataset(dataset(1, 0, 100, self.ROWS, rsize=48))[3], self.ROWS)

    def test_rejects_a_flipped_byte(self):
        data = bytearray(dataset(1, 0, 100, self.ROWS))
        data[60] ^= 0x5A
        with self.assertRaisesRegex(ValueError, "CRC"):
            ap.decode_dataset(bytes(data))

    def test_rejects_a_truncated_dataset_and_a_wrong_magic(self):
        data = dataset(1, 0, 100, self.ROWS)
        with self.assertRaises(ValueError):
            ap.decode_dataset(data[:-1])
        with self.assertRaises(ValueError):
            ap.decode_dataset(b"MLFB" + data[4:])


class FeedbackTest(unittest.TestCase):
    def test_complete_batches_are_decoded_and_the_tail_kept(self):
        a = feedback([(3, 0, 10, -500, 2, 1, 1)])
        b = feedback([(3, 10, 20, 700, 0, 0, 1), (3, 20, 30, 0, 0, 1, 0)])
        records, tail = ap.decode_feedback(a + b[:50])
        self.assertEqual(records, [(3, 0, 10, -500, 2, 1, 1)])
        self.assertEqual(tail, b[:50])
        records, tail = ap.decode_feedback(tail + b[50:])
        self.assertEqual(len(records), 2)
        self.assertEqual(tail, b"")


class RecommendationTest(unittest.TestCase):
    def test_header_counts_length_and_crc(self):
        msg = ap.encode_recommendation(7, [(0, 8, ap.PAGEOUT, 900), (8, 16, ap.KEEP, 650)], [("min_age_ms", 5000)])
        magic, version, flags, gen, regions, params, payload, crc = ap.REC_HEADER.unpack_from(msg)
        self.assertEqual((magic, version, flags, gen, regions, params), (b"MLRC", 1, 0, 7, 2, 1))
        self.assertEqual(payload, len(msg) - 32)
        self.assertEqual(payload, 2 * 24 + 1 + len("min_age_ms") + 8)
        self.assertEqual(crc, zlib.crc32(msg[32:]))
        self.assertEqual(ap.REC_HINT.unpack_from(msg, 32), (0, 8, ap.PAGEOUT, 900))

    def test_an_empty_message_is_just_a_header(self):
        self.assertEqual(len(ap.encode_recommendation(1)), 32)


if __name__ == "__main__":
    unittest.main()
