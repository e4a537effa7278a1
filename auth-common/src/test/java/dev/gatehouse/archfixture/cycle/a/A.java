package dev.gatehouse.archfixture.cycle.a;

import dev.gatehouse.archfixture.cycle.b.B;

/** With {@link B}, violates "feature packages have no cycles". */
public class A {
    B b;
}
