package katagym.testkit;

import java.util.List;
import katagym.grader.check.Checks;
import katagym.grader.prop.Gens;
import katagym.grader.spec.Check;
import katagym.grader.spec.KataSpec;

public final class EchoSpec implements KataSpec<Echo> {
    @Override
    public Class<Echo> contract() { return Echo.class; }

    @Override
    public List<Check<Echo>> checks() {
        return List.of(
                Check.<Echo>oracle("echoMatchesReference", ctx -> ctx.forAll(Gens.ints(0, 1000), x ->
                        Checks.equal("echo(" + x + ")", ctx.oracle().echo(x), ctx.subject().echo(x))))
                        .enforces("identity").hint("Compare with what the reference returns."),
                Check.<Echo>invariant("echoReturnsItsArgument", ctx -> ctx.forAll(Gens.ints(0, 1000), x ->
                        Checks.equal("echo(" + x + ")", x, ctx.subject().echo(x)))).enforces("identity").hint("Return x itself."));
    }
}
