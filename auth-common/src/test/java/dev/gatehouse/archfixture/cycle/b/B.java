package dev.gatehouse.archfixture.cycle.b;

import dev.gatehouse.archfixture.cycle.a.A;

/** With {@link A}, violates "feature packages have no cycles". */
public class B {
    A a;
}
