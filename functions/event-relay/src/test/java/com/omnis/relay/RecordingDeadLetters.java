package com.omnis.relay;

import java.util.ArrayList;
import java.util.List;

/** A dead-letter queue that keeps what it is sent, or refuses while a test says it is down. */
final class RecordingDeadLetters implements DeadLetters {

    final List<DeadLetter> letters = new ArrayList<>();
    boolean down;

    @Override
    public void send(DeadLetter letter) {
        if (down) {
            throw new IllegalStateException("the queue is unreachable");
        }
        letters.add(letter);
    }
}
