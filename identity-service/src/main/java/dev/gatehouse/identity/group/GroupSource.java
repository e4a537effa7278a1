package dev.gatehouse.identity.group;

/** Where a group was declared: by the API (CreateGroup) or in the suite configuration. */
public enum GroupSource {
    API,
    CONFIGURATION
}
