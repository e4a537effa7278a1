package dev.gatehouse.archfixture.service;

import dev.gatehouse.archfixture.service.rest.RedisInAResource;

/** Violates "only resources depend on resources". */
public class UsesAResource {
    RedisInAResource resource;
}
