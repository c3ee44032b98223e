package com.pixfino.studio.batch;

import com.pixfino.studio.core.batch.BatchRequest;

/** A batch the studio was running when it closed: its request, and how far it got ({@code done} of {@code total}, or -1 when unknown). */
public record ResumeOffer(BatchRequest request, int done, int total) {}
