package org.hipaaiam.audit.ledger;

import java.io.IOException;

/** Creates the storage of a shard the first time a record of its period arrives. */
@FunctionalInterface
public interface ShardOpener {
    ShardLog open(String periodLabel) throws IOException;
}
