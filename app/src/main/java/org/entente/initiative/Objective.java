package org.entente.initiative;

import java.util.UUID;

/** An objective of a shared initiative and, after completion, how well it was met (1–5). */
public record Objective(UUID id, String text, Integer rating) {
}
