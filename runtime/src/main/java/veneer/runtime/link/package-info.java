/** The transport SPI between the runtime and a device: {@link veneer.runtime.link.Link}, found by URI scheme. */
package veneer.runtime.link;
