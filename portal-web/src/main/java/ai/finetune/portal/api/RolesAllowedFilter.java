package ai.finetune.portal.api;

import jakarta.annotation.Priority;
import jakarta.annotation.security.PermitAll;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.lang.reflect.Method;
import java.util.Arrays;

/**
 * Enforces {@code @RolesAllowed} on JAX-RS resources (the web.xml constraints guard the same paths; this keeps
 * each resource's rule next to its code). A resource method without {@code @RolesAllowed} or {@code @PermitAll}
 * on it or its class is refused: new endpoints are closed until someone decides who may call them.
 */
@Provider
@Priority(Priorities.AUTHORIZATION)
public class RolesAllowedFilter implements ContainerRequestFilter {

    @Context
    ResourceInfo resourceInfo;

    @Override
    public void filter(ContainerRequestContext request) {
        Method method = resourceInfo.getResourceMethod();
        if (method == null) {
            return; // no matching resource: JAX-RS answers 404/405 itself
        }
        if (method.isAnnotationPresent(PermitAll.class)) {
            return;
        }
        RolesAllowed allowed = method.getAnnotation(RolesAllowed.class);
        if (allowed == null && !method.getDeclaringClass().isAnnotationPresent(PermitAll.class)) {
            allowed = method.getDeclaringClass().getAnnotation(RolesAllowed.class);
        }
        if (allowed == null) {
            if (method.getDeclaringClass().isAnnotationPresent(PermitAll.class)) {
                return;
            }
            request.abortWith(ApiExceptionMappers.error(403, "this endpoint declares no roles and is closed"));
            return;
        }
        SecurityContext security = request.getSecurityContext();
        if (security.getUserPrincipal() == null) {
            request.abortWith(ApiExceptionMappers.error(401, "authentication required: send HTTP Basic credentials"));
            return;
        }
        if (Arrays.stream(allowed.value()).noneMatch(security::isUserInRole)) {
            request.abortWith(ApiExceptionMappers.error(403, "this needs the role " + String.join(" or ", allowed.value())
                    + "; '" + security.getUserPrincipal().getName() + "' does not have it"));
        }
    }
}
