export { freePort } from '../../stack/free-port';
