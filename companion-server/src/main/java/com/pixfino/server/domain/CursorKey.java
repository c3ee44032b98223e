package com.pixfino.server.domain;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jooq.DSLContext;

/**
 * The key that signs cursors that must not be edited (the library's change feed, the admin lists), kept in the database (table {@code library_cursor_key}) so that the servers of
 * one database agree on it without a shared config secret. Never logged and never in {@link #toString()}.
 */
public final class CursorKey {

    public static final int TAG_BYTES = 16;

    private final SecretKeySpec key;

    public CursorKey(byte[] key) {
        this.key = new SecretKeySpec(key.clone(), "HmacSHA256");
    }

    /** The database's key; the first server to start stores a random one, every later one reads it back. */
    public static CursorKey load(DSLContext dsl) {
        byte[] fresh = new byte[32];
        new SecureRandom().nextBytes(fresh);
        dsl.execute("insert into library_cursor_key (id, secret) values (1, ?) on conflict (id) do nothing", fresh);
        byte[] stored = dsl.fetchOne("select secret from library_cursor_key where id = 1")
                .get(0, byte[].class);
        return new CursorKey(stored);
    }

    /** HMAC-SHA256 of the text, cut to {@value #TAG_BYTES} bytes. */
    public byte[] tag(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Arrays.copyOf(mac.doFinal(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)), TAG_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    public boolean verifies(String text, byte[] tag) {
        return MessageDigest.isEqual(tag(text), tag);
    }

    @Override
    public String toString() {
        return "CursorKey[hidden]";
    }
}
