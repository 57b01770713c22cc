/**
 * What a text typed into the simulator's ticket picker is searched as: the conditions of POST /tickets/search
 * (api/routes/search), each asked on its own since conditions of one search must all hold.
 */

/** The searches a typed text stands for: subject or content, and customer name; an email with an @, an id first. */
export function ticketSearches(text: string): Record<string, string>[] {
  const term = text.trim();
  if (!term) return [];
  const searches: Record<string, string>[] = [{ text: term }, { customerName: term }];
  if (term.includes('@')) searches.push({ customerEmail: term });
  if (/^T\w{6,}$/.test(term)) searches.unshift({ ticketId: term });
  return searches;
}
