package com.pixfino.model.api.admin;

/** {@code POST /api/v1/generations/{id}/report}: the owner reports a result; {@code reason} is 1–500 characters. */
public record ReportRequest(String reason) {}
