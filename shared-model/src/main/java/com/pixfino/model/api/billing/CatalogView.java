package com.pixfino.model.api.billing;

import java.util.List;

/** {@code GET /api/v1/billing/catalog}: the plans (Free first) and the packs, in the order the studio shows them. */
public record CatalogView(List<PlanView> plans, List<PackView> packs) {}
