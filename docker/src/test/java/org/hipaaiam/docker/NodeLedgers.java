package org.hipaaiam.docker;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.hipaaiam.audit.ledger.LedgerConfig;
import org.hipaaiam.audit.ledger.LedgerLayout;
import org.hipaaiam.audit.ledger.segment.Frame;
import org.hipaaiam.audit.ledger.segment.FrameReader;
import org.hipaaiam.docker.production.ProductionKeycloak;

/** The audit ledgers of a cluster's nodes, read from their files as an auditor would, each record with its node. */
final class NodeLedgers {

    private static final ObjectMapper JSON = new ObjectMapper();

    record NodeRecord(String node, JsonNode json) {

        String at(String path) {
            JsonNode value = json;
            for (String step : path.split("\\.")) {
                value = value.path(step);
            }
            return value.isMissingNode() || value.isNull() ? null : value.asText();
        }
    }

    private NodeLedgers() {
    }

    /** Every record of these nodes' ledgers that matches. */
    static List<NodeRecord> records(List<ProductionKeycloak> nodes, Predicate<NodeRecord> filter) throws IOException {
        List<NodeRecord> found = new ArrayList<>();
        for (ProductionKeycloak node : nodes) {
            for (var shard : LedgerLayout.shards(node.ledgerDir())) {
                FrameReader reader = new FrameReader(LedgerLayout.entries(shard), LedgerConfig.DEFAULT_MAX_RECORD_BYTES);
                for (Frame frame = reader.next(); frame != null; frame = reader.next()) {
                    NodeRecord record = new NodeRecord(node.node().name(), JSON.readTree(frame.payload()));
                    if (filter.test(record)) {
                        found.add(record);
                    }
                }
            }
        }
        return found;
    }
}
