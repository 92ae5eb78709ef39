package org.hipaaiam.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordedMethod;
import jdk.jfr.consumer.RecordingFile;

/**
 * The top frames of a JFR recording's CPU samples: methods by self time (on top of the stack) and by total time
 * (anywhere on it), as shares of all samples. With a filter such as `org.hipaaiam.`, the total list shows only
 * the bundle's own methods: what the bundle adds to each sign-in. Run alone: `ProfileSummary <file.jfr> [prefix]`.
 */
final class ProfileSummary {

    private ProfileSummary() {
    }

    public static void main(String[] args) throws IOException {
        System.out.print(of(Path.of(args[0]), args.length > 1 ? args[1] : "org.hipaaiam.", 25));
    }

    static String of(Path recording, String ownPrefix, int top) throws IOException {
        Map<String, Integer> self = new HashMap<>();
        Map<String, Integer> total = new HashMap<>();
        int samples = 0;
        for (var event : RecordingFile.readAllEvents(recording)) {
            if (!event.getEventType().getName().equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
                continue;
            }
            List<RecordedFrame> frames = event.getStackTrace().getFrames();
            if (frames.isEmpty()) {
                continue;
            }
            samples++;
            self.merge(name(frames.get(0).getMethod()), 1, Integer::sum);
            Set<String> seen = new HashSet<>();
            for (RecordedFrame frame : frames) {
                String method = name(frame.getMethod());
                if (seen.add(method)) {
                    total.merge(method, 1, Integer::sum);
                }
            }
        }
        StringBuilder out = new StringBuilder(recording.getFileName() + ": " + samples + " CPU samples\n");
        out.append("  self time:\n");
        table(out, self, samples, "", top);
        out.append("  total time, ").append(ownPrefix).append("* only:\n");
        table(out, total, samples, ownPrefix, top);
        return out.toString();
    }

    private static void table(StringBuilder out, Map<String, Integer> counts, int samples, String prefix, int top) {
        counts.entrySet().stream().filter(entry -> entry.getKey().startsWith(prefix))
                .sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(top)
                .forEach(entry -> out.append(String.format("  %6.2f%%  %s%n", 100.0 * entry.getValue() / samples, entry.getKey())));
    }

    private static String name(RecordedMethod method) {
        return method.getType().getName() + "." + method.getName();
    }
}
