package nl.uitkijk.driver.base;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Consumer;

/**
 * A camera's event stream as lines (multipart bodies, server-sent text): split as the bytes arrive, each line
 * bounded, so a camera that never sends a line break cannot fill the memory. Opened by
 * {@link CameraHttp#stream(String, int, Consumer)}.
 */
public final class LineStream implements AutoCloseable, KeptOpen.Connection {

    private final int maxLineBytes;
    private final Consumer<String> lines;
    private final CompletableFuture<Integer> ended = new CompletableFuture<>();
    private final Object lock = new Object();
    private Flow.Subscription subscription;
    private boolean closed;

    LineStream(int maxLineBytes, Consumer<String> lines) {
        this.maxLineBytes = maxLineBytes;
        this.lines = lines;
    }

    /** Completes with the HTTP status when the stream ends, or exceptionally with the reason. */
    @Override
    public CompletableFuture<Integer> ended() {
        return ended;
    }

    @Override
    public void close() {
        Flow.Subscription current;
        synchronized (lock) {
            closed = true;
            current = subscription;
        }
        if (current != null) {
            current.cancel();
        }
        ended.complete(0);
    }

    boolean closed() {
        synchronized (lock) {
            return closed;
        }
    }

    void end(Object result) {
        if (result instanceof Throwable error) {
            ended.completeExceptionally(error);
        } else {
            ended.complete((Integer) result);
        }
    }

    Flow.Subscriber<List<ByteBuffer>> subscriber() {
        return new Flow.Subscriber<>() {
            private final ByteArrayOutputStream line = new ByteArrayOutputStream();

            @Override
            public void onSubscribe(Flow.Subscription given) {
                boolean cancel;
                synchronized (lock) {
                    subscription = given;
                    cancel = closed;
                }
                if (cancel) {
                    given.cancel();
                } else {
                    given.request(Long.MAX_VALUE);
                }
            }

            @Override
            public void onNext(List<ByteBuffer> buffers) {
                for (ByteBuffer buffer : buffers) {
                    while (buffer.hasRemaining()) {
                        byte next = buffer.get();
                        if (next == '\n') {
                            deliver();
                        } else if (line.size() >= maxLineBytes) {
                            synchronized (lock) {
                                subscription.cancel();
                            }
                            ended.completeExceptionally(new CameraCallException("the camera's event stream sent a "
                                    + "line longer than " + maxLineBytes + " bytes (refused)"));
                            return;
                        } else {
                            line.write(next);
                        }
                    }
                }
            }

            private void deliver() {
                String text = line.toString(StandardCharsets.UTF_8);
                line.reset();
                if (!ended.isDone()) {
                    lines.accept(text.endsWith("\r") ? text.substring(0, text.length() - 1) : text);
                }
            }

            @Override
            public void onError(Throwable error) {
                // the response future reports it
            }

            @Override
            public void onComplete() {
                if (line.size() > 0) {
                    deliver();
                }
            }
        };
    }
}
