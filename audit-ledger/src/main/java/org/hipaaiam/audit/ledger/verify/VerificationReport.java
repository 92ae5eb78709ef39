package org.hipaaiam.audit.ledger.verify;

import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of verifying a ledger folder. {@code problems} mean tampering or damage;
 * {@code warnings} are worth a look but prove nothing (an unrecovered torn tail, a key taken
 * from the ledger folder itself).
 */
public record VerificationReport(String keySource, List<ShardReport> shards, List<String> problems,
                                 List<String> warnings) {

    /** One shard's figures and findings. */
    public record ShardReport(String origin, long entries, long checkpoints, long lastCheckpointSize,
                              List<String> problems, List<String> warnings) {
        public ShardReport {
            problems = List.copyOf(problems);
            warnings = List.copyOf(warnings);
        }
    }

    public VerificationReport {
        shards = List.copyOf(shards);
        problems = List.copyOf(problems);
        warnings = List.copyOf(warnings);
    }

    /** A copy with one more warning. */
    public VerificationReport withWarning(String warning) {
        List<String> more = new ArrayList<>(warnings);
        more.add(warning);
        return new VerificationReport(keySource, shards, problems, more);
    }

    public boolean valid() {
        return problems.isEmpty() && shards.stream().allMatch(s -> s.problems().isEmpty());
    }

    public long entries() {
        return shards.stream().mapToLong(ShardReport::entries).sum();
    }

    public String toJson() {
        StringBuilder json = new StringBuilder("{\n  \"valid\": ").append(valid())
                .append(",\n  \"keySource\": ").append(Json.string(keySource))
                .append(",\n  \"entries\": ").append(entries())
                .append(",\n  \"problems\": ").append(Json.strings(problems))
                .append(",\n  \"warnings\": ").append(Json.strings(warnings))
                .append(",\n  \"shards\": [");
        for (int i = 0; i < shards.size(); i++) {
            ShardReport s = shards.get(i);
            json.append(i == 0 ? "\n" : ",\n")
                    .append("    {\"origin\": ").append(Json.string(s.origin()))
                    .append(", \"entries\": ").append(s.entries())
                    .append(", \"checkpoints\": ").append(s.checkpoints())
                    .append(", \"lastCheckpointSize\": ").append(s.lastCheckpointSize())
                    .append(", \"problems\": ").append(Json.strings(s.problems()))
                    .append(", \"warnings\": ").append(Json.strings(s.warnings())).append('}');
        }
        return json.append(shards.isEmpty() ? "]\n}\n" : "\n  ]\n}\n").toString();
    }
}
