import { installRuntime } from '../../worker/runtime';

// Workers log every state change at INFO; tests keep warnings and errors only.
installRuntime({ logLevel: 'WARN' });
