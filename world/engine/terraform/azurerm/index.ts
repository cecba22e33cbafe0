/** Registers every azurerm type the world serves. */
import './network';
import './private-dns';
import './private-endpoint';
import './batch';
import './governance';
