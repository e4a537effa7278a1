package dev.gatehouse.deploy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs the scripts of deploy/local as a user would, from the repository root. */
final class LauncherScripts {

    static final Path ROOT =
            Path.of(System.getProperty("gatehouse.root", "..")).toAbsolutePath().normalize();

    private LauncherScripts() {}

    /** What a script printed (stdout and stderr) and its exit code. */
    record Result(int exit, String output) {}

    /** {@code bash deploy/local/<script> <args>} with {@code env} added to the environment. */
    static Result run(Map<String, String> env, String script, String... args) throws Exception {
        List<String> command =
                new ArrayList<>(
                        List.of("bash", ROOT.resolve("deploy/local").resolve(script).toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder =
                new ProcessBuilder(command).directory(ROOT.toFile()).redirectErrorStream(true);
        builder.environment().putAll(env);
        Process process = builder.start();
        byte[] output = process.getInputStream().readAllBytes();
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        return new Result(process.exitValue(), new String(output, StandardCharsets.UTF_8));
    }
}
