import type { Catalogue } from '../catalogue';
import type en from '../en/workspace';

export default {} satisfies Catalogue<typeof en>;
