package dev.gatehouse.hostile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * One row of a table: a name, the request (built from the launched suite), and what it must get.
 *
 * @param table the table it comes from (sigv4, jwt, ...)
 */
record HostileCase(String table, String name, Function<LaunchedSuite, Probe> probe, Expect expect) {

    /** A row that changes a genuine request: {@code name}, the change, the expectation. */
    record Mutation(String name, UnaryOperator<Probe> change, Expect expect) {}

    static Mutation row(String name, UnaryOperator<Probe> change, Expect expect) {
        return new Mutation(name, change, expect);
    }

    /** Every mutation applied to a fresh genuine request built by {@code genuine}. */
    static List<HostileCase> mutating(
            String table, Function<LaunchedSuite, Probe> genuine, List<Mutation> rows) {
        List<HostileCase> cases = new ArrayList<>();
        for (Mutation row : rows) {
            cases.add(
                    new HostileCase(
                            table,
                            row.name(),
                            suite -> row.change().apply(genuine.apply(suite)),
                            row.expect()));
        }
        return cases;
    }

    @Override
    public String toString() {
        return table + ": " + name + " -> " + expect.label;
    }
}
