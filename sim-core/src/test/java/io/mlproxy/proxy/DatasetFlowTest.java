package io.mlproxy.proxy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import org.junit.jupiter.api.Test;

/** Dataset generations: extraction, preprocessing, publishing, reads by portions, obsolescence, failures. */
class DatasetFlowTest {

    private static Errno errnoOf(Runnable r) {
        try {
            r.run();
        } catch (MlLibException e) {
            return e.errno();
        }
        throw new AssertionError("no MlLibException");
    }

    @Test
    void readsInPortionsFollowTheStateAndYieldTheExtractedRegions() {
        Fixture f = Fixture.started();
        DataChannel ch = new DataChannel(f.proxy);
        long gen = f.proxy.prepareDataset();
        assertThat(f.proxy.datasetState()).contains(DatasetState.CLEAN);
        int size = f.proxy.datasetSizeBytes();
        assertThat(size).isEqualTo(48 + 64 * 40); // 64 regions of 64 pages
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        byte[] buf = new byte[1000];
        long off = 0;
        int n;
        while ((n = ch.readDataset(gen, off, buf, 0, buf.length)) > 0) {
            all.write(buf, 0, n);
            off += n;
            assertThat(f.proxy.datasetState()).contains(off == size ? DatasetState.EXTRACTED_COMPLETELY
                    : DatasetState.EXTRACTED_PARTIALLY);
        }
        assertThat(off).isEqualTo(size);
        assertThat(ch.readDataset(gen, size + 10, buf, 0, 10)).isZero();
        DatasetCodec.Decoded d = DatasetCodec.decode(all.toByteArray());
        RegionRecords expected = new RegionRecords();
        Fixture.extract(expected);
        assertThat(d.regions()).isEqualTo(expected);
        assertThat(d.generation()).isEqualTo(gen);
        assertThat(d.addressSpacePages()).isEqualTo(Fixture.PAGES);
        assertThat(d.header().timestampMs()).isEqualTo(1_000);
        // re-reading the start of a completely extracted dataset keeps it complete
        ch.readDataset(gen, 0, buf, 0, 10);
        assertThat(f.proxy.datasetState()).contains(DatasetState.EXTRACTED_COMPLETELY);
        assertThat(f.counter("dataset_bytes_read")).isEqualTo(size + 10);
    }

    @Test
    void obsoleteGenerationsAreEstale() {
        Fixture f = Fixture.started();
        DataChannel ch = new DataChannel(f.proxy);
        long g1 = f.proxy.prepareDataset();
        long g2 = f.proxy.prepareDataset();
        assertThat(g2).isEqualTo(g1 + 1);
        byte[] buf = new byte[10];
        assertThat(errnoOf(() -> ch.readDataset(g1, 0, buf, 0, 10))).isEqualTo(Errno.ESTALE);
        assertThat(ch.readDataset(g2, 0, buf, 0, 10)).isEqualTo(10);
        f.proxy.discardDataset();
        assertThat(f.proxy.datasetState()).contains(DatasetState.OBSOLETE);
        assertThat(errnoOf(() -> ch.readDataset(g2, 0, buf, 0, 10))).isEqualTo(Errno.ESTALE);
        assertThat(errnoOf(() -> f.proxy.discardDataset())).isEqualTo(Errno.ENODATA);
        assertThat(errnoOf(() -> ch.readDataset(g2 + 1, 0, buf, 0, 10))).isEqualTo(Errno.ENODATA);
        assertThat(errnoOf(() -> ch.readDataset(g2, -1, buf, 0, 10))).isEqualTo(Errno.EINVAL);
    }

    @Test
    void stepwisePreparationAndEagainBeforePublishing() {
        Fixture f = Fixture.started();
        DataChannel ch = new DataChannel(f.proxy);
        assertThat(errnoOf(() -> f.proxy.preprocessData())).isEqualTo(Errno.ENODATA);
        long g = f.proxy.getDataset();
        assertThat(f.proxy.datasetState()).contains(DatasetState.ALLOCATED);
        assertThat(errnoOf(() -> ch.readDataset(g, 0, new byte[4], 0, 4))).isEqualTo(Errno.EAGAIN);
        assertThat(errnoOf(() -> f.proxy.publishData())).isEqualTo(Errno.EINVAL);
        f.proxy.preprocessData();
        assertThat(errnoOf(() -> f.proxy.preprocessData())).isEqualTo(Errno.EINVAL);
        f.proxy.publishData();
        assertThat(f.proxy.datasetState()).contains(DatasetState.CLEAN);
        assertThat(errnoOf(() -> f.proxy.publishData())).isEqualTo(Errno.EINVAL);
    }

    @Test
    void extractionFailureAndCorruption() {
        ManualClock clock = new ManualClock(0);
        boolean[] fail = {true};
        MlModelProxy p = MlModelProxy.create("x", ModelOperations.GENERIC, w -> {
            if (fail[0]) {
                throw new IllegalStateException("device gone");
            }
            w.region(10, 20, 1, 1, 1, 1000, 0);
            w.region(15, 30, 1, 1, 1, 1000, 0); // overlaps
        }, clock);
        p.init(ProxyConfig.forAddressSpace(100), ModeThresholds.defaults());
        p.start();
        assertThat(errnoOf(p::getDataset)).isEqualTo(Errno.EIO);
        assertThat(p.datasetState()).contains(DatasetState.EXTRACTION_FAILURE);
        DataChannel ch = new DataChannel(p);
        assertThat(errnoOf(() -> ch.readDataset(1, 0, new byte[4], 0, 4))).isEqualTo(Errno.EIO);
        fail[0] = false;
        p.getDataset();
        assertThat(errnoOf(p::preprocessData)).isEqualTo(Errno.EBADMSG);
        assertThat(p.datasetState()).contains(DatasetState.CORRUPTED);
        assertThat(errnoOf(() -> ch.readDataset(2, 0, new byte[4], 0, 4))).isEqualTo(Errno.EBADMSG);
        assertThat(p.counters().get("extraction_failures")).isEqualTo(1);
        assertThat(p.counters().get("datasets_corrupted")).isEqualTo(1);
    }

    @Test
    void genericPreprocessingSortsAndChecksTheAddressSpace() {
        RegionRecords r = new RegionRecords();
        r.region(50, 60, 1, 2, 3, 500, 4);
        r.region(0, 10, 5, 6, 7, 400, 8);
        DatasetOperations.genericPreprocess(r, 100);
        assertThat(r.startPage(0)).isZero();
        assertThat(r.nrAccesses(0)).isEqualTo(5);
        assertThat(r.startPage(1)).isEqualTo(50);
        assertThat(r.recentRefaults(1)).isEqualTo(4);
        RegionRecords out = new RegionRecords();
        out.region(90, 101, 0, 0, 0, 0, 0);
        assertThatThrownBy(() -> DatasetOperations.genericPreprocess(out, 100)).hasMessageContaining("outside");
        RegionRecords res = new RegionRecords();
        res.region(0, 1, 0, 0, 0, 1001, 0);
        assertThatThrownBy(() -> DatasetOperations.genericPreprocess(res, 100)).hasMessageContaining("resident");
    }
}
