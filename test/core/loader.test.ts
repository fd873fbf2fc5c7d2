import { expect, fixture, fixtureCleanup, html } from "@open-wc/testing";
import { LitElement } from "lit";
import { ApiError } from "../../src/core/errors.js";
import { Loader } from "../../src/internal/loader.js";

/** A host with one input, `name`, that its loader passes to the task. */
class LoaderHost extends LitElement {
  static override properties = { name: {} };
  name = "";
  readonly calls: { name: string; signal: AbortSignal }[] = [];
  failWith: ApiError | null = null;
  readonly loader = new Loader(this, {
    args: () => (this.name ? ([this.name] as const) : null),
    task: async ([name], signal) => {
      this.calls.push({ name, signal });
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (this.failWith) throw this.failWith;
      return `hello ${name}`;
    },
  });
  override render() {
    return this.loader.render({ initial: () => "initial", pending: () => "pending", complete: (value) => value, error: (error) => `error ${error.status}` });
  }
}
customElements.define("loader-host", LoaderHost);

describe("Loader (the shape of @lit/task)", () => {
  afterEach(() => fixtureCleanup());

  it("waits for its arguments, passes them to the task, and renders each state", async () => {
    const el = await fixture<LoaderHost>(html`<loader-host></loader-host>`);
    expect(el.shadowRoot!.textContent).to.contain("initial");
    expect(el.calls).to.deep.equal([]);
    el.name = "Ada";
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain("pending");
    expect(await el.loader.taskComplete).to.equal("hello Ada");
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain("hello Ada");
    expect(el.calls.map((call) => call.name)).to.deep.equal(["Ada"]);
  });

  it("aborts a run whose arguments changed, and rejects taskComplete with the error", async () => {
    const el = await fixture<LoaderHost>(html`<loader-host name="Ada"></loader-host>`);
    el.name = "Grace";
    await el.updateComplete;
    expect(await el.loader.taskComplete).to.equal("hello Grace");
    expect(el.calls[0]!.signal.aborted).to.equal(true);
    el.failWith = new ApiError("http", { status: 503 });
    el.name = "Linus";
    await el.updateComplete;
    const error = await el.loader.taskComplete.then(
      () => null,
      (failure: unknown) => failure,
    );
    expect(error).to.be.instanceOf(ApiError);
    await el.updateComplete;
    expect(el.shadowRoot!.textContent).to.contain("error 503");
  });
});
