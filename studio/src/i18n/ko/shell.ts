import type { Catalogue } from '../catalogue';
import type en from '../en/shell';

export default {} satisfies Catalogue<typeof en>;
