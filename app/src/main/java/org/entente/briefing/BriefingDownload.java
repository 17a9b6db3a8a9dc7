package org.entente.briefing;

import java.io.InputStream;

/** A briefing's file, opened for one download (close the stream). */
public record BriefingDownload(String fileName, long size, InputStream content) {

    public static final String MEDIA_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
