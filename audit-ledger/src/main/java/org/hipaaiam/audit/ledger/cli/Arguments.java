package org.hipaaiam.audit.ledger.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Positional arguments and {@code --name value} options, checked against the options a command knows. */
final class Arguments {

    private final List<String> positional = new ArrayList<>();
    private final Map<String, List<String>> options = new HashMap<>();

    Arguments(List<String> args, Set<String> known) {
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                positional.add(arg);
                continue;
            }
            String name = arg.substring(2);
            if (!known.contains(name) || i + 1 == args.size()) {
                throw new UsageException("unknown option or missing value: " + arg);
            }
            options.computeIfAbsent(name, n -> new ArrayList<>()).add(args.get(++i));
        }
    }

    String positional(int index, String what) {
        if (index >= positional.size()) {
            throw new UsageException("missing " + what);
        }
        return positional.get(index);
    }

    /** Every positional argument, e.g. several ledger folders. */
    List<String> positionals() {
        return List.copyOf(positional);
    }

    void expectPositional(int count) {
        if (positional.size() != count) {
            throw new UsageException("expected " + count + " arguments, got " + positional.size());
        }
    }

    Optional<String> option(String name) {
        List<String> values = all(name);
        if (values.size() > 1) {
            throw new UsageException("--" + name + " given more than once");
        }
        return values.stream().findFirst();
    }

    String required(String name) {
        return option(name).orElseThrow(() -> new UsageException("missing --" + name));
    }

    List<String> all(String name) {
        return options.getOrDefault(name, List.of());
    }

    /** A mistake in how the tool was called; exit code 2. */
    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
