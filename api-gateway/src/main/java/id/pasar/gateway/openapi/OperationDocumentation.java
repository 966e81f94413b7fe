package id.pasar.gateway.openapi;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.headers.Header;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.asm.ClassReader;
import org.springframework.asm.ClassVisitor;
import org.springframework.asm.MethodVisitor;
import org.springframework.asm.Opcodes;
import org.springframework.asm.Type;
import org.springframework.http.ResponseEntity;
import org.springframework.util.ClassUtils;
import org.springframework.web.method.HandlerMethod;

/**
 * What the document learns from each handler method: its operation id (the method's name,
 * made unique over the document in {@link OpenApiDocument}), the problem codes it can
 * answer ({@link Refusals}), and a 201 with {@code Location} where the method answers
 * {@code ResponseEntity.created(...)}, which springdoc cannot see (it reads
 * {@code @ResponseStatus} only). A handler whose 201 comes another way declares it with
 * {@code @ApiResponse}, and its {@code Location} there.
 */
final class OperationDocumentation implements GlobalOperationCustomizer {

    /** The extension that carries the handler's class to {@link OpenApiDocument}. */
    static final String HANDLER = "x-pasar-handler";

    /**
     * The extension that carries the problem codes the handler can answer, by status, to
     * {@link OpenApiDocument}.
     */
    static final String REFUSALS = "x-pasar-refusals";

    private static final String RESPONSE_ENTITY = Type.getInternalName(ResponseEntity.class);

    private final Map<Class<?>, Set<String>> creatingMethods = new ConcurrentHashMap<>();

    private final Supplier<Refusals> refusals;

    OperationDocumentation(Supplier<Refusals> refusals) {
        this.refusals = refusals;
    }

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        Method method = handler.getMethod();
        operation.setOperationId(method.getName());
        operation.addExtension(HANDLER, ClassUtils.getUserClass(handler.getBeanType()).getSimpleName());
        operation.addExtension(REFUSALS, this.refusals.get().of(handler.getBeanType(), method));
        ApiResponses responses = operation.getResponses();
        if (responses == null
                || !creating(handler.getBeanType()).contains(method.getName() + Type.getMethodDescriptor(method))) {
            // A 201 of @ResponseStatus carries no Location; one that does declares it in
            // its @ApiResponse.
            return operation;
        }
        if (responses.containsKey("200") && !responses.containsKey("201")) {
            ApiResponse created = responses.remove("200");
            created.setDescription("Created");
            responses.put("201", created);
        }
        if (responses.containsKey("201")) {
            responses.get("201")
                .addHeaderObject("Location", new Header().description("The URL of what was created")
                    .schema(new StringSchema().format("uri-reference").maxLength(2048)));
        }
        return operation;
    }

    /**
     * The methods of a controller (name and descriptor) that call
     * {@code ResponseEntity.created}: read from its bytecode, so the code stays the one
     * source.
     */
    private Set<String> creating(Class<?> controller) {
        Class<?> type = ClassUtils.getUserClass(controller);
        return this.creatingMethods.computeIfAbsent(type, OperationDocumentation::read);
    }

    private static Set<String> read(Class<?> type) {
        Set<String> found = ConcurrentHashMap.newKeySet();
        String resource = type.getName().replace('.', '/') + ".class";
        try (InputStream bytes = type.getClassLoader().getResourceAsStream(resource)) {
            if (bytes == null) {
                return found;
            }
            new ClassReader(bytes).accept(new ClassVisitor(Opcodes.ASM9) {
                @Override
                public MethodVisitor visitMethod(int access, String name, String descriptor, String signature,
                        String[] exceptions) {
                    return new MethodVisitor(Opcodes.ASM9) {
                        @Override
                        public void visitMethodInsn(int opcode, String owner, String called, String calledDescriptor,
                                boolean isInterface) {
                            if (opcode == Opcodes.INVOKESTATIC && RESPONSE_ENTITY.equals(owner)
                                    && "created".equals(called)) {
                                found.add(name + descriptor);
                            }
                        }
                    };
                }
            }, ClassReader.SKIP_DEBUG | ClassReader.SKIP_FRAMES);
        }
        catch (IOException unreadable) {
            // no bytecode to read: springdoc's 200 stays
        }
        return found;
    }

}
