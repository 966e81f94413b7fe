package id.pasar.gateway.openapi;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.Handle;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.http.HttpStatus;
import org.springframework.util.ClassUtils;

/**
 * The problem codes an operation can answer, read from the code that answers them: every
 * method of ours the handler method can reach (calls, overriding implementations of the
 * interfaces it calls, lambdas and method references) is searched for a problem code (a
 * string constant that {@code i18n/problems_en.properties} names) after an
 * {@link HttpStatus} constant, as in
 * {@code super(HttpStatus.CONFLICT, "EMAIL_TAKEN", ...)} or
 * {@code new ProblemException(HttpStatus.NOT_FOUND, "AFFILIATE_NOT_FOUND", ...)}. It
 * over-approximates (a branch never taken for this operation still counts) and does not
 * see what the framework answers on its own (bad JSON, a missing token), which
 * {@link OpenApiDocument} adds by rule. Read once per application, from the bytecode of
 * {@code id.pasar}.
 */
final class Refusals {

    private static final String OURS = "id/pasar/";

    private static final String HTTP_STATUS = Type.getInternalName(HttpStatus.class);

    /**
     * The writers of problems: they hold every code the framework answers, and are
     * reached from everywhere.
     */
    private static final Set<String> NOT_FOLLOWED = Set.of("id/pasar/gateway/web/ProblemHandler",
            "id/pasar/gateway/web/ProblemWriter");

    private final Set<String> codes;

    private final Map<String, String> superclasses = new HashMap<>();

    private final Map<String, List<String>> subtypes = new HashMap<>();

    /** Per class, per method (name and descriptor): what it calls and answers. */
    private final Map<String, Map<String, Body>> bodies = new HashMap<>();

    private final Map<String, SortedMap<Integer, SortedSet<String>>> byHandler = new HashMap<>();

    private record Call(String owner, String method) {
    }

    /**
     * @param problems status-then-code pairs
     * @param codesPassed a code with no status before it, passed to a constructor that
     * adds one ({@code super("WEBHOOK_URL_INVALID", ...)} to a class that passes
     * {@code HttpStatus.UNPROCESSABLE_CONTENT})
     * @param statusesPassed a status passed to a constructor that adds the code
     * ({@code new GatewayUnavailable(HttpStatus.BAD_GATEWAY, ...)})
     * @param freeStatuses statuses not followed by a code: given to a code passed in
     * @param freeCodes codes with no status before them: given the status passed in
     */
    private record Body(List<Call> calls, List<Map.Entry<Integer, String>> problems,
            List<Map.Entry<String, Call>> codesPassed, List<Map.Entry<Integer, Call>> statusesPassed,
            List<Integer> freeStatuses, List<String> freeCodes) {

        Body() {
            this(new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(), new ArrayList<>(),
                    new ArrayList<>());
        }

    }

    private Refusals(Set<String> codes) {
        this.codes = codes;
    }

    /** Reads every class of {@code id.pasar} on the class path. */
    static Refusals read(ClassLoader loader, Set<String> codes) {
        Refusals refusals = new Refusals(codes);
        try {
            for (Resource resource : new PathMatchingResourcePatternResolver(loader)
                .getResources("classpath*:id/pasar/**/*.class")) {
                try (InputStream bytes = resource.getInputStream()) {
                    refusals.index(new ClassReader(bytes));
                }
            }
        }
        catch (IOException unreadable) {
            throw new UncheckedIOException(unreadable);
        }
        return refusals;
    }

    /** Status and codes that {@code handler} can answer, by status. */
    synchronized SortedMap<Integer, SortedSet<String>> of(Class<?> controller, Method handler) {
        String start = Type.getInternalName(ClassUtils.getUserClass(controller));
        String key = start + "." + handler.getName() + Type.getMethodDescriptor(handler);
        return this.byHandler.computeIfAbsent(key,
                ignored -> search(new Call(start, handler.getName() + Type.getMethodDescriptor(handler))));
    }

    private SortedMap<Integer, SortedSet<String>> search(Call start) {
        SortedMap<Integer, SortedSet<String>> found = new TreeMap<>();
        Set<Call> seen = new HashSet<>();
        Deque<Call> next = new ArrayDeque<>(List.of(start));
        while (!next.isEmpty()) {
            Call call = next.pop();
            for (Call target : targets(call)) {
                if (!seen.add(target)) {
                    continue;
                }
                Body body = this.bodies.get(target.owner()).get(target.method());
                body.problems().forEach(problem -> add(found, problem.getKey(), problem.getValue()));
                body.codesPassed()
                    .forEach(passed -> targets(passed.getValue()).forEach(callee -> body(callee).freeStatuses()
                        .forEach(status -> add(found, status, passed.getKey()))));
                body.statusesPassed()
                    .forEach(passed -> targets(passed.getValue()).forEach(
                            callee -> body(callee).freeCodes().forEach(code -> add(found, passed.getKey(), code))));
                next.addAll(body.calls());
            }
        }
        return Collections.unmodifiableSortedMap(found);
    }

    private static void add(SortedMap<Integer, SortedSet<String>> found, int status, String code) {
        found.computeIfAbsent(status, ignored -> new TreeSet<>()).add(code);
    }

    private Body body(Call call) {
        return this.bodies.get(call.owner()).get(call.method());
    }

    /**
     * The bodies a call may run: the method as its class declares or inherits it, and
     * every override in a subtype (the implementations of an interface).
     */
    private List<Call> targets(Call call) {
        List<Call> targets = new ArrayList<>();
        for (String owner = call.owner(); owner != null; owner = this.superclasses.get(owner)) {
            if (declares(owner, call.method())) {
                targets.add(new Call(owner, call.method()));
                break;
            }
        }
        Deque<String> below = new ArrayDeque<>(this.subtypes.getOrDefault(call.owner(), List.of()));
        Set<String> visited = new HashSet<>();
        while (!below.isEmpty()) {
            String type = below.pop();
            if (visited.add(type)) {
                if (declares(type, call.method())) {
                    targets.add(new Call(type, call.method()));
                }
                below.addAll(this.subtypes.getOrDefault(type, List.of()));
            }
        }
        return targets;
    }

    private boolean declares(String owner, String method) {
        Map<String, Body> methods = this.bodies.get(owner);
        return methods != null && methods.containsKey(method);
    }

    private void index(ClassReader reader) {
        String name = reader.getClassName();
        if (NOT_FOLLOWED.contains(name)) {
            return;
        }
        if (reader.getSuperName() != null) {
            this.superclasses.put(name, reader.getSuperName());
            this.subtypes.computeIfAbsent(reader.getSuperName(), type -> new ArrayList<>()).add(name);
        }
        for (String implemented : reader.getInterfaces()) {
            this.subtypes.computeIfAbsent(implemented, type -> new ArrayList<>()).add(name);
        }
        Map<String, Body> methods = new HashMap<>();
        this.bodies.put(name, methods);
        reader.accept(new ClassVisitor(Opcodes.ASM9) {
            @Override
            public MethodVisitor visitMethod(int access, String method, String descriptor, String signature,
                    String[] exceptions) {
                Body body = new Body();
                methods.put(method + descriptor, body);
                return new BodyReader(body);
            }
        }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
    }

    /**
     * One method's calls to code of ours, and its codes and statuses: a code after a
     * status pairs with it; a status or a code alone is paired across the next call.
     */
    private final class BodyReader extends MethodVisitor {

        private final Body body;

        private Integer status;

        /** The status read last, while no code has followed it. */
        private Integer freeStatus;

        /** The code read last without a status before it, while no call has followed. */
        private String freeCode;

        BodyReader(Body body) {
            super(Opcodes.ASM9);
            this.body = body;
        }

        @Override
        public void visitFieldInsn(int opcode, String owner, String name, String descriptor) {
            if (opcode == Opcodes.GETSTATIC && HTTP_STATUS.equals(owner) && HttpStatus.valueOf(name).isError()) {
                this.status = HttpStatus.valueOf(name).value();
                this.freeStatus = this.status;
            }
        }

        @Override
        public void visitLdcInsn(Object value) {
            if (!(value instanceof String code) || !Refusals.this.codes.contains(code)) {
                return;
            }
            if (this.status != null) {
                this.body.problems().add(Map.entry(this.status, code));
                this.freeStatus = null;
            }
            else {
                this.freeCode = code;
                this.body.freeCodes().add(code);
            }
        }

        @Override
        public void visitMethodInsn(int opcode, String owner, String name, String descriptor, boolean isInterface) {
            if (!owner.startsWith(OURS)) {
                return;
            }
            Call call = new Call(owner, name + descriptor);
            this.body.calls().add(call);
            if (this.freeCode != null) {
                this.body.codesPassed().add(Map.entry(this.freeCode, call));
                this.freeCode = null;
            }
            if (this.freeStatus != null) {
                this.body.statusesPassed().add(Map.entry(this.freeStatus, call));
                this.body.freeStatuses().add(this.freeStatus);
                this.freeStatus = null;
            }
        }

        @Override
        public void visitInvokeDynamicInsn(String name, String descriptor, Handle bootstrap, Object... arguments) {
            for (Object argument : arguments) {
                if (argument instanceof Handle handle && handle.getOwner().startsWith(OURS)) {
                    this.body.calls().add(new Call(handle.getOwner(), handle.getName() + handle.getDesc()));
                }
            }
        }

    }

}
