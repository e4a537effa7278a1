package dev.gatehouse.archfixture.internal;

/** An internal type. */
public class Internal {}
