package dev.gatehouse.archfixture.api;

import dev.gatehouse.archfixture.internal.Internal;

/** Violates "the API hands out only API types". */
public class LeakyApi {
    public Internal internal() {
        return new Internal();
    }
}
