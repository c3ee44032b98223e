package com.pixfino.server.db.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.InputStream;
import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/** Seeds the preset catalog once from {@code presets/catalog.json}; admins edit it from then on. */
public class V2__Seed_presets extends BaseJavaMigration {

    private static final String INSERT =
            "INSERT INTO presets (slug, name, category, media_kind, provider, model, duration_seconds,"
                    + " credits, api_cost_usd, featured, pro, prompt_template, negative_prompt, recipe, active, usage_count, sort_order, created_at)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, TRUE, 0, ?, ?)";

    @Override
    public void migrate(Context context) throws Exception {
        JsonNode catalog;
        try (InputStream in = getClass().getResourceAsStream("/presets/catalog.json")) {
            if (in == null) {
                throw new IllegalStateException("presets/catalog.json is missing from the server jar");
            }
            catalog = new ObjectMapper().readTree(in);
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (PreparedStatement insert = context.getConnection().prepareStatement(INSERT)) {
            for (JsonNode preset : catalog) {
                insert.setString(1, preset.get("slug").asText());
                insert.setString(2, preset.get("name").asText());
                insert.setString(3, preset.get("category").asText());
                insert.setString(4, preset.get("kind").asText());
                insert.setString(5, preset.get("provider").asText());
                insert.setString(6, preset.get("model").asText());
                if (preset.path("durationSeconds").isInt()) {
                    insert.setInt(7, preset.get("durationSeconds").asInt());
                } else {
                    insert.setNull(7, Types.INTEGER);
                }
                insert.setInt(8, preset.get("credits").asInt());
                insert.setBigDecimal(9, new BigDecimal(preset.get("apiCostUsd").asText()));
                insert.setBoolean(10, preset.get("featured").asBoolean());
                insert.setBoolean(11, preset.get("pro").asBoolean());
                insert.setString(12, preset.get("promptTemplate").asText());
                insert.setString(13, preset.get("negativePrompt").asText());
                insert.setString(14, preset.get("recipe").toString());
                insert.setInt(15, preset.get("sortOrder").asInt());
                insert.setTimestamp(16, now);
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }
}
