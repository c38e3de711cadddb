package nl.uitkijk.api.camera;

import java.util.List;
import java.util.stream.Collectors;

/** A camera definition was refused; {@link #problems()} names each field. */
public class InvalidCameraException extends CameraException {
    private static final long serialVersionUID = 1L;

    private final List<ConfigProblem> problems;

    public InvalidCameraException(List<ConfigProblem> problems) {
        super(problems.stream().map(ConfigProblem::toString).collect(Collectors.joining("; ")));
        this.problems = List.copyOf(problems);
    }

    public List<ConfigProblem> problems() {
        return problems;
    }
}
