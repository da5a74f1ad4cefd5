/** One simulated day of transactions, before they become objects: columns, grown as needed. */
export class DayBuffer {
  length = 0;
  second = new Int32Array(0);
  customer = new Uint32Array(0);
  terminal = new Uint32Array(0);
  amount = new Float64Array(0);
  scenario = new Uint8Array(0);

  clear(): void {
    this.length = 0;
  }

  /** Appends a transaction (seconds into the day) and returns its index. */
  push(second: number, customer: number, terminal: number, amount: number, scenario: number): number {
    if (this.length === this.second.length) this.grow();
    const i = this.length++;
    this.second[i] = second;
    this.customer[i] = customer;
    this.terminal[i] = terminal;
    this.amount[i] = amount;
    this.scenario[i] = scenario;
    return i;
  }

  /** Indices in time order; transactions in the same second keep the order they were pushed in. */
  timeOrder(): Uint32Array {
    const order = new Uint32Array(this.length);
    for (let i = 0; i < order.length; i++) order[i] = i;
    const second = this.second;
    return order.sort((a, b) => (second[a] as number) - (second[b] as number) || a - b);
  }

  private grow(): void {
    const capacity = Math.max(1024, this.second.length * 2);
    const copy = <T extends Int32Array | Uint32Array | Float64Array | Uint8Array>(from: T, to: T): T => {
      to.set(from);
      return to;
    };
    this.second = copy(this.second, new Int32Array(capacity));
    this.customer = copy(this.customer, new Uint32Array(capacity));
    this.terminal = copy(this.terminal, new Uint32Array(capacity));
    this.amount = copy(this.amount, new Float64Array(capacity));
    this.scenario = copy(this.scenario, new Uint8Array(capacity));
  }
}
