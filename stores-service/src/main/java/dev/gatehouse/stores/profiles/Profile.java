package dev.gatehouse.stores.profiles;

/**
 * A federated identity's profile: what the seed's "update a user profile" route keeps.
 *
 * @param identityId the identity pool identity ({@code <region>:<uuid>}) it belongs to
 * @param displayName 1-64 characters
 * @param favoriteStoreId a store id, or null
 * @param updatedAt ISO-8601 instant of the last PUT
 */
public record Profile(
        String identityId, String displayName, String favoriteStoreId, String updatedAt) {}
