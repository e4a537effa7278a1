package dev.gatehouse.archfixture.service.rest;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;

/** Violates "resources never touch Redis". */
public class RedisInAResource {
    ReactiveRedisDataSource redis;
}
