import type { Catalogue } from '../catalogue';
import type en from '../en/rules';

export default {} satisfies Catalogue<typeof en>;
