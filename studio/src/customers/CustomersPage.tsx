/** Customers (고객 관리): the searchable list, or one customer's record. */
import '../search/search.css';
import './customers.css';
import { CustomerDetail } from './CustomerDetail';
import { CustomerList } from './CustomerList';

export default function CustomersPage({ customerId, hash }: { customerId?: string; hash: string }) {
  return customerId ? <CustomerDetail key={customerId} customerId={customerId} /> : <CustomerList hash={hash} />;
}
