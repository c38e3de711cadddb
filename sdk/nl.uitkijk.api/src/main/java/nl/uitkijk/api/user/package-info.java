/**
 * The people who use the platform: their accounts and roles (for administrators and supervisors) and what each
 * of them keeps of their own working place, such as the layout of their video wall.
 */
@org.osgi.annotation.versioning.Version("1.1.0")
package nl.uitkijk.api.user;
