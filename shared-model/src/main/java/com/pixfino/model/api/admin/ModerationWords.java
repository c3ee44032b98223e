package com.pixfino.model.api.admin;

import java.util.List;

/**
 * The banned-word list: answered by {@code GET /api/v1/admin/moderation/words} and sent whole to {@code PUT}, which
 * replaces it. Each word is 1–64 characters after trimming, no two equal ignoring case, at most 2000 words. A prompt
 * matches a word case-insensitively, as a whole word, and through common obfuscations (leetspeak, separators, repeated
 * letters, accents).
 */
public record ModerationWords(List<String> words) {}
