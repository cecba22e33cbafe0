/** Loads every family's rules into the registry (each module registers its ARM types). */
import './resource-group';
import './network';
import './private-dns';
import './batch';
import './batch-pool';
import './private-endpoint';
import './authorization';
import './governance';
