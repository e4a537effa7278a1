package dev.gatehouse.index.stores;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/** The part of a stores-service store that the page shows. */
@JsonIgnoreProperties(ignoreUnknown = true)
public record StoreSummary(String id, String name, String category, String city) {}
