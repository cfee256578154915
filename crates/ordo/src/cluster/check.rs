//! Refusing an answer that Ballista put together wrongly.
//!
//! Why this exists: Ballista 55.0.0 can return a wrong answer after it
//! loses an executor, and it reports the job as successful. Suppose an
//! executor dies while the final stage runs. The scheduler then rolls that
//! stage back (`reset_stages_internal`, then `rollback_running_stage`) and
//! runs all of its partitions again. But the partitions that had already
//! finished on a surviving executor stay in the job's output locations
//! (`update_stage_output_links` only ever extends them). The client
//! fetches every location it is given, so it reads those partitions
//! twice.
//!
//! ordo's test saw this happen under load: `events --all-dyads` exited 0
//! with 75 events for a dyad-month that has 73.
//!
//! The check asks the scheduler for the finished job's partition
//! locations, the list the client has just fetched, and refuses the answer
//! when a partition appears more than once. A final partition holds each
//! group key exactly once, so "no partition twice" is exactly "no group
//! counted twice" for ordo's two-stage queries: the event series, the
//! panel's load, and filters and aggregations in `ordo sql`. Plans with
//! three or more stages (joins, aggregations over aggregations) can meet
//! the same fault one stage earlier, and that is out of the client's
//! sight (see docs/cluster.md).

use ballista_core::execution_plans::DistributedQueryExec;
use ballista_core::serde::protobuf::scheduler_grpc_client::SchedulerGrpcClient;
use ballista_core::serde::protobuf::{job_status, GetJobStatusParams, PartitionLocation};
use ballista_core::utils::{create_grpc_client_connection, GrpcClientConfig};
use datafusion::physical_plan::ExecutionPlan;
use datafusion_proto::protobuf::LogicalPlanNode;
use ordo_store::PlanCheck;
use std::collections::BTreeMap;
use std::sync::Arc;

/// The check for queries sent to the scheduler at `scheduler`
/// (`http://host:port`).
pub fn job_check(scheduler: String) -> PlanCheck {
    Arc::new(move |plan| {
        let scheduler = scheduler.clone();
        Box::pin(async move { verify(plan, &scheduler).await })
    })
}

/// The scheduler's job id of the part of `plan` that ran on the cluster.
fn job_of(plan: &Arc<dyn ExecutionPlan>) -> Option<String> {
    if let Some(q) = plan.downcast_ref::<DistributedQueryExec<LogicalPlanNode>>() {
        return q.job_id().map(|j| j.into_inner());
    }
    plan.children().into_iter().find_map(job_of)
}

async fn verify(plan: Arc<dyn ExecutionPlan>, scheduler: &str) -> Result<(), String> {
    // Plans over information_schema alone run in the client.
    let Some(job) = job_of(&plan) else {
        return Ok(());
    };
    let asking = |e: &dyn std::fmt::Display| {
        format!("asking the scheduler {scheduler} how job {job} ended, to check its answer: {e}")
    };
    let channel =
        create_grpc_client_connection(scheduler.to_string(), &GrpcClientConfig::default())
            .await
            .map_err(|e| asking(&e))?;
    let status = SchedulerGrpcClient::new(channel)
        .max_decoding_message_size(64 << 20)
        .get_job_status(GetJobStatusParams {
            job_id: job.clone(),
        })
        .await
        .map_err(|e| asking(&e))?
        .into_inner();
    match status.status.and_then(|s| s.status) {
        Some(job_status::Status::Successful(done)) => once_each(&job, &done.partition_location),
        other => Err(asking(&format!(
            "it no longer reports the job successful ({})",
            match other {
                None => "unknown job".to_string(),
                Some(s) => format!("{s:?}").chars().take(120).collect(),
            }
        ))),
    }
}

/// `Ok` when every (stage, partition) of a finished job's output occurs
/// once among `locations`.
pub fn once_each(job: &str, locations: &[PartitionLocation]) -> Result<(), String> {
    let mut seen: BTreeMap<(u32, u32), usize> = BTreeMap::new();
    for l in locations {
        let p = l
            .partition_id
            .as_ref()
            .ok_or_else(|| format!("job {job}: an output location without a partition id"))?;
        *seen.entry((p.stage_id, p.partition_id)).or_default() += 1;
    }
    let doubled: Vec<String> = seen
        .iter()
        .filter(|(_, n)| **n > 1)
        .map(|((stage, part), n)| format!("stage {stage} partition {part} ×{n}"))
        .collect();
    if doubled.is_empty() {
        return Ok(());
    }
    Err(format!(
        "the cluster's answer to job {job} was refused: {} of its {} output partitions came more than once ({}). \
         Ballista re-ran the final stage after losing an executor and kept the first run's output as well, so some rows would be counted twice",
        doubled.len(),
        seen.len(),
        doubled.into_iter().take(4).collect::<Vec<_>>().join(", "),
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use ballista_core::serde::protobuf::PartitionId;

    fn at(stage: u32, partition: u32) -> PartitionLocation {
        PartitionLocation {
            partition_id: Some(PartitionId {
                job_id: "J".into(),
                stage_id: stage,
                partition_id: partition,
            }),
            ..Default::default()
        }
    }

    #[test]
    fn an_answer_with_a_partition_twice_is_refused() {
        // As the scheduler reported it when an executor was killed just
        // after the survivor finished partition 0 of the final stage 2
        // (16 partitions): partition 0 listed again after the re-run.
        let mut locations: Vec<_> = (0..16).map(|p| at(2, p)).collect();
        assert_eq!(once_each("J", &locations), Ok(()));
        locations.push(at(2, 0));
        let err = once_each("J", &locations).unwrap_err();
        assert!(
            err.contains(
                "1 of its 16 output partitions came more than once (stage 2 partition 0 ×2)"
            ),
            "{err}"
        );
        locations.extend([at(2, 7), at(2, 7)]);
        let err = once_each("J", &locations).unwrap_err();
        assert!(err.contains("2 of its 16"), "{err}");
        assert!(err.contains("stage 2 partition 7 ×3"), "{err}");
        // Partition 3 of another stage is another partition.
        assert_eq!(once_each("J", &[at(1, 3), at(2, 3)]), Ok(()));
        assert!(once_each("J", &[PartitionLocation::default()]).is_err());
    }
}
