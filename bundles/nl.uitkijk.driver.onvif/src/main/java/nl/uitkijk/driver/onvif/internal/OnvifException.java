package nl.uitkijk.driver.onvif.internal;

import nl.uitkijk.driver.base.CameraCallException;

/** A camera that cannot be used now, with a reason an operator understands ("authentication failed"). */
final class OnvifException extends CameraCallException {

    private static final long serialVersionUID = 1L;

    OnvifException(String message) {
        super(message, false);
    }

    /** @param authentication the camera refused the credentials (no point retrying quickly) */
    OnvifException(String message, boolean authentication) {
        super(message, authentication);
    }
}
